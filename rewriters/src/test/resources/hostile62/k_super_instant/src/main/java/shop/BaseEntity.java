package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public abstract class BaseEntity {
    protected final java.time.Instant createdAt;
    protected BaseEntity() { this.createdAt = java.time.Instant.now(); }
}
