"""The acupuncturist's note beside the chart: SOAP, TCM findings, techniques and needle boxes, skin scales."""
