package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder {
    public final Roles allowed = new SetRoles();
    public Holder() { allowed.grant("user"); }
    public void allow(String r) { allowed.grant(r); }
}
