package dev.osprey.signaling.join;

import livekit.LivekitModels.ClientInfo;

import java.util.Map;

/** Reads {@code ClientInfo} from the v0 {@code /rtc} query string, with the SDK names LiveKit's server accepts. */
final class ClientInfos {

    private static final Map<String, ClientInfo.SDK> SDKS = Map.ofEntries(
            Map.entry("js", ClientInfo.SDK.JS), Map.entry("ios", ClientInfo.SDK.SWIFT),
            Map.entry("swift", ClientInfo.SDK.SWIFT), Map.entry("android", ClientInfo.SDK.ANDROID),
            Map.entry("flutter", ClientInfo.SDK.FLUTTER), Map.entry("go", ClientInfo.SDK.GO),
            Map.entry("unity", ClientInfo.SDK.UNITY), Map.entry("reactnative", ClientInfo.SDK.REACT_NATIVE),
            Map.entry("rust", ClientInfo.SDK.RUST), Map.entry("python", ClientInfo.SDK.PYTHON),
            Map.entry("cpp", ClientInfo.SDK.CPP), Map.entry("unityweb", ClientInfo.SDK.UNITY_WEB),
            Map.entry("node", ClientInfo.SDK.NODE), Map.entry("esp32", ClientInfo.SDK.ESP32));

    private ClientInfos() {
    }

    static ClientInfo parse(ConnectRequest request) {
        ClientInfo.Builder info = ClientInfo.newBuilder()
                .setSdk(SDKS.getOrDefault(request.param("sdk"), ClientInfo.SDK.UNKNOWN))
                .setProtocol(int32(request.param("protocol")))
                .setClientProtocol(int32(request.param("client_protocol")))
                .setVersion(request.param("version"))
                .setOs(request.param("os"))
                .setOsVersion(request.param("os_version"))
                .setBrowser(request.param("browser"))
                .setBrowserVersion(request.param("browser_version"))
                .setDeviceModel(request.param("device_model"))
                .setNetwork(request.param("network"))
                .setAddress(request.clientAddress());
        for (String name : request.param("capabilities").split(",")) {
            capability(name.trim(), info);
        }
        return info.build();
    }

    private static void capability(String name, ClientInfo.Builder info) {
        for (ClientInfo.Capability capability : ClientInfo.Capability.values()) {
            if (capability != ClientInfo.Capability.UNRECOGNIZED && capability.name().equals(name)) {
                info.addCapabilities(capability);
            }
        }
    }

    /** A decimal int32, or 0 when absent or unparseable (LiveKit ignores a bad protocol number). */
    static int int32(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
