package r;
import jakarta.persistence.*;
@Entity public class Line { @Id Long id; String itemId; @Transient String label;
  public String getItemId(){return itemId;} public void setLabel(String l){label=l;} public String getLabel(){return label;} }
