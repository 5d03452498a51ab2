package shop;
import java.util.List;
public class AccountDto { private Long id; private String name; private List<String> tags;
  public Long getId(){return id;} public void setId(Long i){id=i;} public String getName(){return name;} public void setName(String n){name=n;}
  public List<String> getTags(){return tags;} public void setTags(List<String> t){tags=t;} }
