package r;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Icon {
    @Id
    private Integer id;
    private byte[] data;

    public Integer getId() { return id; }
    public byte[] getData() { return data; }
}
