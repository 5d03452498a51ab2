package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public interface Roles {
    boolean has(String r);
    void grant(String r);
}
