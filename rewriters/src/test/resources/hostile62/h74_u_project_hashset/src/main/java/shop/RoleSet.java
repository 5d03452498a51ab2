package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class RoleSet extends HashSet<String> {
}
