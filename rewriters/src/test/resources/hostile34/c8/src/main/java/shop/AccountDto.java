package shop;
public class AccountDto { private Long id; private String name; private String[] tags;
  public Long getId(){return id;} public void setId(Long i){id=i;} public String getName(){return name;} public void setName(String n){name=n;}
  public String[] getTags(){return tags;} public void setTags(String[] t){tags=t;} }
