package shop;
import org.springframework.transaction.annotation.Transactional;
public interface NameWriter {
    @Transactional int deleteByName(String n);
}
