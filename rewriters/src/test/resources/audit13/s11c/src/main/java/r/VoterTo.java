package r;

public class VoterTo {
    private final Long id;
    private final String name;
    private final Long lunchId;

    public VoterTo(Long id, String name, Long lunchId) {
        this.id = id;
        this.name = name;
        this.lunchId = lunchId;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Long getLunchId() { return lunchId; }
}
