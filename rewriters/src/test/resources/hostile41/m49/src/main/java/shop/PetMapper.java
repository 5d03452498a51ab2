package shop;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.springframework.stereotype.Component;
public interface PetMapper {
    Pet same(Pet p);
}
