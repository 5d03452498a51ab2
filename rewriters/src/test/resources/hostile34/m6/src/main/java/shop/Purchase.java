package shop;
import org.springframework.data.mongodb.core.mapping.DBRef;
public class Purchase { @DBRef Customer buyer; }
