package r;

public class ClubCount {
    private final Integer id;
    private final String name;
    private final long votes;

    public ClubCount(Integer id, String name, long votes) {
        this.id = id;
        this.name = name;
        this.votes = votes;
    }

    public Integer getId() { return id; }
    public String getName() { return name; }
    public long getVotes() { return votes; }
}
