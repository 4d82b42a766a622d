// DynamoDB Local has no bind option: its Jetty server listens on every interface, so anyone on
// the network could read the table (the admin password hash included) and write into it. This
// launcher builds the same server from the same command line, then binds its connector to one
// host (127.0.0.1 unless -Dmcan.host says otherwise) before starting it. Compiled once with the
// JDK's javac (openjdk-17-jdk-headless) into node_modules/.cache, then run as
// `java -cp <cache>:<DynamoDBLocal jars> LoopbackLauncher -inMemory -port N`; see
// functions/local/dynamodb-local.ts.
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class LoopbackLauncher {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("mcan.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    int bound = 0;
    for (Connector c : server.getConnectors()) {
      if (c instanceof ServerConnector sc) {
        sc.setHost(host);
        bound++;
      }
    }
    // Never fall back to listening everywhere: refuse instead.
    if (bound == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind to " + host);
    proxy.start();
    System.out.println("DynamoDB Local bound to " + host);
  }
}
