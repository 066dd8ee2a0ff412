package org.epiflow.map;

/**
 * Colours and widths of every layer (ARGB), in a light and a dark palette.
 *
 * @param background         sea / background
 * @param countryFill        neighbouring countries
 * @param countryBorder      their borders
 * @param landFill           Chinese prefectures
 * @param prefectureBorder   prefecture borders
 * @param prefectureBorderWidth width in pixels
 * @param provinceBorder     province borders
 * @param provinceBorderWidth width in pixels
 * @param selectedFill       fill of selected regions
 * @param symbolFill         location-total circles
 * @param symbolOutline      their outline
 * @param maxSymbolRadius    radius of the largest total, pixels
 * @param placeLabel         labels of places with flows
 * @param regionLabel        province / prefecture name labels
 * @param flow               the flow style
 */
public record MapStyle(int background, int countryFill, int countryBorder, int landFill, int prefectureBorder,
                       double prefectureBorderWidth, int provinceBorder, double provinceBorderWidth, int selectedFill,
                       int symbolFill, int symbolOutline, double maxSymbolRadius, TextStyle placeLabel,
                       TextStyle regionLabel, FlowStyle flow) {

    public static MapStyle light() {
        return new MapStyle(0xFFDCE9F2, 0xFFEDEDE8, 0xFFC8C8C0, 0xFFFAFAF5, 0xFFD5D5CC, 0.5, 0xFF9A9A90, 1.0,
                0xFFFFE9A8, 0x663A6EA5, 0xCC1F4E79, 14,
                new TextStyle(12, false, 0xFF202020, 0xCCFFFFFF, 2.5),
                new TextStyle(11, false, 0xFF707068, 0x99FFFFFF, 2), FlowStyle.light());
    }

    public static MapStyle dark() {
        return new MapStyle(0xFF10151C, 0xFF1E232A, 0xFF2C323A, 0xFF262C34, 0xFF343B45, 0.5, 0xFF56606C, 1.0,
                0xFF3D4B5E, 0x6657A0D3, 0xCC9CCCF0, 14,
                new TextStyle(12, false, 0xFFEDEDED, 0xCC10151C, 2.5),
                new TextStyle(11, false, 0xFF8A94A0, 0x9910151C, 2), FlowStyle.dark());
    }

    /** Width of the circles' outline, pixels. */
    public double symbolOutlineWidth() {
        return 1;
    }

    public MapStyle withFlow(FlowStyle f) {
        return new MapStyle(background, countryFill, countryBorder, landFill, prefectureBorder, prefectureBorderWidth,
                provinceBorder, provinceBorderWidth, selectedFill, symbolFill, symbolOutline, maxSymbolRadius,
                placeLabel, regionLabel, f);
    }
}
