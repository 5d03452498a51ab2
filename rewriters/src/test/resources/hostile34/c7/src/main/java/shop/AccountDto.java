package shop;
public class AccountDto { private Long id; private String name;
  public Long getId(){return id;} public void setId(Long i){id=i;} public String getName(){return name;} public void setName(String n){name=n;} }
