package shop;
public class Pet {
    private Long id;
    private String name;
    private String[] tags;
    public Pet() {}
    public Pet(Long id, String name, String[] tags) { this.id = id; this.name = name; this.tags = tags; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public String[] getTags() { return tags; }
}
