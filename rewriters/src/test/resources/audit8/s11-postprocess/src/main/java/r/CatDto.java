package r;
public class CatDto { private String name; private String label; public String getName(){return name;} public void setName(String n){name=n;} public String getLabel(){return label;} public void setLabel(String l){label=l;} }
