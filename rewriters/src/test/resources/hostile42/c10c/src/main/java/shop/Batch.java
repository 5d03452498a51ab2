package shop;
import java.util.*;
public class Batch {
    private final List<Pet> pets = new ArrayList<>();
    public static Batch of(Pet p) { Batch b = new Batch(); b.pets.add(p); return b; }
    public List<Pet> pets() { return pets; }
    public Pet first() { return pets.get(0); }
}
