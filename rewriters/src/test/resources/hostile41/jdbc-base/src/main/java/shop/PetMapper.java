package shop;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.springframework.stereotype.Component;
@Component
public class PetMapper {
    public Pet same(Pet p) { return p; }
}
