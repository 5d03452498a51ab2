package shop;
public interface Translator { String getTranslation(String word); void setLanguage(String language); }
