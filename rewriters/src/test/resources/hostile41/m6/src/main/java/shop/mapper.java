package shop;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.springframework.stereotype.Component;
public class mapper {
    public static Pet same(Pet p) { return p; }
}
