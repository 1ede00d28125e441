{{- define "fd.labels" -}}
app.kubernetes.io/name: flannel-doctor
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}
{{- define "fd.image" -}}{{ .Values.image.repository }}:{{ .Values.image.tag }}{{- end -}}

{{- define "fd.tokenSecret" -}}{{ .Values.agent.tokenSecret | default "flannel-doctor-token" }}{{- end -}}
