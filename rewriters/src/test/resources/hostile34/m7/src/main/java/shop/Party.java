package shop;
public abstract class Party { @org.springframework.data.annotation.Id String id; String name;
  public String getName(){return name;} public void setName(String n){name=n;} }
