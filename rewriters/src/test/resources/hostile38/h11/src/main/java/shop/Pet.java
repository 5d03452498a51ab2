package shop;
public class Pet {
    private Long id;
    private String name;
    public Pet() {}
    public Pet(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String n) { name = n; }
}
