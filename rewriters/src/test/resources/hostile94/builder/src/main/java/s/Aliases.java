package s;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
/** Display aliases for product names, changed at run time by an admin. */
@Service
public class Aliases {
    static final ConcurrentHashMap<String, String> MAP = new ConcurrentHashMap<>();
    public static String display(String name) { return MAP.getOrDefault(name, name); }
    public void setAlias(String name, String alias) { MAP.put(name, alias); }
}
