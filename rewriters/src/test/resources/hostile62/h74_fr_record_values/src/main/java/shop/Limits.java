package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public record Limits(String prefix, int max) {
}
