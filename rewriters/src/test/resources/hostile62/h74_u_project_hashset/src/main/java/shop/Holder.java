package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder {
    public final RoleSet allowed = new RoleSet();
    public Holder() { allowed.add("user"); }
    public void allow(String r) { allowed.add(r); }
}
