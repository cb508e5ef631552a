namespace MissingDependency.Helper;

public sealed class Greeting
{
    public string Text => "hello";
}
