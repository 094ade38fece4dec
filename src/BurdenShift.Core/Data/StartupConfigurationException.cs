namespace BurdenShift.Core.Data;

/// <summary>
/// A configuration problem that stops start-up. Its message is written as one log line that
/// names the setting to fix, so it never needs a stack trace to be understood.
/// </summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException()
    {
    }

    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
