package shop;
import java.util.*;
public class Batch {
    private final List<Pet> pets = new ArrayList<>();
    public static Batch of(Pet p) { Batch b = new Batch(); b.pets.add(p); return b; }
    public List<Pet> pets() { return pets; }
    public String names() { StringBuilder s = new StringBuilder(); for (Pet p : pets) s.append(p.getName()); return s.toString(); }
    /** marks every pet of the batch as picked */
    public void mark(String suffix) { for (Pet p : pets) p.setName(p.getName() + suffix); }
}
