package shop;
import org.springframework.data.mongodb.core.mapping.DBRef;
public abstract class Owned<P> { @DBRef P buyer; public P getBuyer(){return buyer;} }
