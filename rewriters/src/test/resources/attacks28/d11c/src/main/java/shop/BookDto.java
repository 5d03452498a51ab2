package shop;
public class BookDto {
    private String title;
    public String getTitle() { return title; }
    public void setTitle(String t) { title = t; }
}
