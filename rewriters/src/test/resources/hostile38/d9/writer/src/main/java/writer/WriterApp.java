package writer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication
public class WriterApp {}
