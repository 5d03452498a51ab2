package r;
public class RepairDTO { public Long id; public String description; }
