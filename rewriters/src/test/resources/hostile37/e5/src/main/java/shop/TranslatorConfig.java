package shop;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
@Configuration
public class TranslatorConfig {
    /** A translator whose language an admin switches at run time. */
    @Bean Translator translator() {
        AtomicReference<String> language = new AtomicReference<>("en");
        return (Translator) java.lang.reflect.Proxy.newProxyInstance(Translator.class.getClassLoader(), new Class<?>[] {Translator.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getTranslation" -> language.get() + ":" + args[0];
                case "setLanguage" -> { language.set((String) args[0]); yield null; }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "Translator";
            });
    }
}
