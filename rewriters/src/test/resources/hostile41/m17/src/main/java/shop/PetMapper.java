package shop;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.springframework.stereotype.Component;
@Component
public class PetMapper {
    public Pet a(Pet p) { return b(p); }
    Pet b(Pet p) { return p; }
}
