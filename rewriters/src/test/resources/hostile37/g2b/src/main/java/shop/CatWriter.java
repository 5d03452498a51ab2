package shop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
@Service
public class CatWriter {
    private final CatRepository cats;
    private final TransactionOperations tx;
    public CatWriter(CatRepository cats, TransactionOperations tx) { this.cats = cats; this.tx = tx; }
    public void apply(String op, Long id, String n) { tx.executeWithoutResult(s -> rename(id, n)); }
    public void rename(Long id, String n) {
        Cat c = cats.findById(id).orElseThrow();
        c.setName(n);
        cats.save(c);
    }

}
