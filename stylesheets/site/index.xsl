<?xml version="1.0" encoding="UTF-8"?>
<!-- index.xsl: the site's index (every partnership) or one partnership's page — documents by kind, newest first, with their formats. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="common.xsl"/>
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="no"/>

  <xsl:key name="by-slug" match="doc" use="@slug"/>
  <xsl:key name="by-slug-kind" match="doc" use="concat(@slug, '|', @kind)"/>

  <xsl:template match="/manifest">
    <xsl:variable name="mine" select="doc[$partnership = '' or @slug = $partnership]"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title">
        <xsl:choose>
          <xsl:when test="$partnership != ''">
            <xsl:value-of select="$mine[1]/@body"/>
            <xsl:text> – </xsl:text>
            <xsl:value-of select="$site-title"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$site-title"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:choose>
          <xsl:when test="$partnership != ''">
            <h1><xsl:value-of select="$mine[1]/@body"/></h1>
            <p>
              <xsl:value-of select="count($mine)"/>
              <xsl:text> documents. </xsl:text>
              <xsl:if test="$mine[@kind = 'minutes']">
                <a href="actions.html">Actions from the minutes</a>
                <xsl:text>.</xsl:text>
              </xsl:if>
            </p>
            <xsl:call-template name="kinds">
              <xsl:with-param name="slug" select="$partnership"/>
              <xsl:with-param name="level" select="2"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <h1><xsl:value-of select="$site-title"/></h1>
            <xsl:variable name="firsts" select="doc[generate-id() = generate-id(key('by-slug', @slug)[1])]"/>
            <nav aria-label="Partnerships">
              <ul class="partnerships">
                <xsl:for-each select="$firsts">
                  <xsl:sort select="@body"/>
                  <li>
                    <a href="{@slug}/index.html"><xsl:value-of select="@body"/></a>
                    <xsl:text> (</xsl:text>
                    <xsl:value-of select="count(key('by-slug', @slug))"/>
                    <xsl:text>)</xsl:text>
                    <xsl:if test="key('by-slug', @slug)[@kind = 'minutes']">
                      <xsl:text> · </xsl:text>
                      <a href="{@slug}/actions.html">actions<span class="visually-hidden"> of <xsl:value-of select="@body"/></span></a>
                    </xsl:if>
                  </li>
                </xsl:for-each>
              </ul>
            </nav>
            <xsl:for-each select="$firsts">
              <xsl:sort select="@body"/>
              <section aria-labelledby="p-{@slug}">
                <h2 id="p-{@slug}"><xsl:value-of select="@body"/></h2>
                <xsl:call-template name="kinds">
                  <xsl:with-param name="slug" select="@slug"/>
                  <xsl:with-param name="level" select="3"/>
                </xsl:call-template>
              </section>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One partnership's documents: a table per kind, newest first. -->
  <xsl:template name="kinds">
    <xsl:param name="slug"/>
    <xsl:param name="level"/>
    <xsl:variable name="docs" select="key('by-slug', $slug)"/>
    <xsl:for-each select="$docs[generate-id() = generate-id(key('by-slug-kind', concat($slug, '|', @kind))[1])]">
      <xsl:sort select="@kind"/>
      <xsl:variable name="kind-title">
        <xsl:call-template name="kind-words">
          <xsl:with-param name="kind" select="@kind"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:element name="h{$level}"><xsl:value-of select="$kind-title"/></xsl:element>
      <table class="documents">
        <caption class="visually-hidden">
          <xsl:value-of select="$kind-title"/>
          <xsl:text>, newest first</xsl:text>
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Document</th>
            <th scope="col">Status</th>
            <th scope="col">Other formats</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="key('by-slug-kind', concat($slug, '|', @kind))">
            <xsl:sort select="@date" order="descending"/>
            <xsl:sort select="@title"/>
            <xsl:variable name="base">
              <xsl:choose>
                <xsl:when test="$partnership != ''"><xsl:value-of select="substring-after(@href, concat(@slug, '/'))"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@href"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <tr>
              <td class="date">
                <xsl:call-template name="date-words">
                  <xsl:with-param name="iso" select="@date"/>
                </xsl:call-template>
              </td>
              <th scope="row"><a href="{$base}.html"><xsl:value-of select="@title"/></a></th>
              <td>
                <xsl:choose>
                  <xsl:when test="@status = 'draft'"><span class="status-draft">Draft</span></xsl:when>
                  <xsl:otherwise>Approved</xsl:otherwise>
                </xsl:choose>
              </td>
              <td class="formats">
                <a href="{$base}.pdf" type="application/pdf">PDF<span class="visually-hidden">: <xsl:value-of select="@title"/></span></a>
                <xsl:text> · </xsl:text>
                <a href="{$base}.figures.csv" type="text/csv">figures CSV<span class="visually-hidden">: <xsl:value-of select="@title"/></span></a>
                <xsl:text> · </xsl:text>
                <a href="{$base}.figures.json" type="application/json">JSON<span class="visually-hidden">: <xsl:value-of select="@title"/></span></a>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
