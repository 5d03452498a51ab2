package shop;
import org.springframework.stereotype.Service;

import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
@Service
public class CatWriter {
    private final CatRepository cats;
    private final TransactionTemplate tx = new TransactionTemplate();
    public CatWriter(CatRepository cats) { this.cats = cats; }
    public void apply(String op, Long id, String n) { tx.executeWithoutResult(s -> rename(id, n)); }
    public void rename(Long id, String n) {
        Cat c = cats.findById(id).orElseThrow();
        c.setName(n);
        cats.save(c);
    }

}
