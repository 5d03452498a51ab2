package r;
public class ItemDto { private final String name; public ItemDto(String name){this.name=name;} public String getName(){return name;} }
