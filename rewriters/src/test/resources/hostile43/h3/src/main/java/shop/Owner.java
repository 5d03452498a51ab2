package shop;
public class Owner {
    private String name;
    public Owner(String name) { this.name = name; }
    public String getName() { return name; }
    public void setName(String n) { name = n; }
}
