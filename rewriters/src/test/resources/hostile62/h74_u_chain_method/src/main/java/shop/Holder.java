package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder {
    public final SetRoles allowed = new SetRoles();
    public void allow(String r) { allowed.grant(r); }
}
