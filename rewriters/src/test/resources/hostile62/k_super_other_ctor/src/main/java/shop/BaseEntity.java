package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public abstract class BaseEntity {
    private static final AtomicLong SEQ = new AtomicLong();
    protected final long id;
    protected BaseEntity() { this.id = SEQ.incrementAndGet(); }
    protected BaseEntity(long id) { this.id = id; }
}
