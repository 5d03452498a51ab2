package r;
public class LocationDTO { public Long id; public String place; }
