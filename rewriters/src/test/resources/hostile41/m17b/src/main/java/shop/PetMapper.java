package shop;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.springframework.stereotype.Component;
@Component
public class PetMapper {
    private final Other other;
    public PetMapper(Other other) { this.other = other; }
    public Pet a(Pet p) { return other.b(p); }
}
