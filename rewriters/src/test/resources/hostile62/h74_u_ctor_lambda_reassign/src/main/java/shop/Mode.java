package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public enum Mode { LAX, STRICT }
