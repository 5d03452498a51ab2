package shop;
public class PlainBadge extends Badge { public PlainBadge(String label) { super(label); } }
