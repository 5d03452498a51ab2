package demo;

import java.math.BigDecimal;

public class Quote {
    private BigDecimal price;
    private String note;

    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
