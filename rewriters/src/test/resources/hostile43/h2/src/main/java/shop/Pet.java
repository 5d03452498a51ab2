package shop;
public class Pet {
    private final Long id;
    private final String name;
    private final Badge badge;
    public Pet(Long id, String name, Badge badge) { this.id = id; this.name = name; this.badge = badge; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Badge getBadge() { return badge; }
}
