package shop;
public class Pet {
    private Long id;
    private String name;
    private Owner owner;
    public Pet() {}
    public Pet(Long id, String name, Owner owner) { this.id = id; this.name = name; this.owner = owner; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String n) { name = n; }
    public Owner getOwner() { return owner; }
}
