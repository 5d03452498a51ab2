package reader;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication
public class ReaderApp {}
