<?xml version="1.0" encoding="UTF-8"?>
<!-- meeting-pack.xsl: a compiled meeting pack as the agenda's HTML page, linking each paper's own page (which links back). -->
<!--
  The agenda is a table (number, item, presenter, papers) whose paper
  entries link to the pages csdoc writes for them beside this one
  (c:html: STEM/PAPER.html).  Matters arising, when the agenda has them,
  follow as a table of the last minutes' actions.  The whole pack as one
  PDF is linked from the header.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:s="urn:csdoc:1"
    xmlns:c="urn:csdoc:compiled:1"
    exclude-result-prefixes="s c">

  <xsl:import href="common.xsl"/>

  <xsl:strip-space elements="s:meeting-pack s:agenda s:agenda-item s:registry s:matters-arising"/>

  <!-- The folder of the papers' pages beside this one (csdoc names it after the pack's outputs, URL-escaped). -->
  <xsl:param name="pages-dir" select="''"/>

  <xsl:variable name="draft" select="/s:meeting-pack/@c:status = 'draft'"/>

  <xsl:template match="/s:meeting-pack">
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="@c:lang"/>
      <xsl:with-param name="title">
        <xsl:if test="$draft">DRAFT: </xsl:if>
        <xsl:text>Agenda – </xsl:text>
        <xsl:value-of select="@c:title"/>
      </xsl:with-param>
      <xsl:with-param name="body-class">
        <xsl:text>meeting-pack</xsl:text>
        <xsl:if test="$draft"> draft</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="header">
        <p class="doc-kicker">Meeting pack</p>
        <h1><xsl:value-of select="@c:body"/></h1>
        <p class="meeting-when">
          <xsl:value-of select="@c:date-display"/>
          <xsl:if test="@c:time-display">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@c:time-display"/>
          </xsl:if>
          <xsl:if test="@venue">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@venue"/>
          </xsl:if>
        </p>
        <p><a href="{$pdf-href}" type="application/pdf">The whole pack as one PDF</a> (the agenda and every paper).</p>
      </xsl:with-param>
      <xsl:with-param name="content">
        <section aria-labelledby="agenda">
          <h2 id="agenda">Agenda</h2>
          <table class="data agenda borders-rows">
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">Item</th>
                <th scope="col">Presenter</th>
                <th scope="col">Papers</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="s:agenda/*"/>
            </tbody>
          </table>
        </section>
        <xsl:apply-templates select="s:agenda/s:agenda-item/s:matters-arising[c:action]"/>
      </xsl:with-param>
      <xsl:with-param name="footer">
        <p>
          <xsl:value-of select="@c:title"/>
          <xsl:text>. </xsl:text>
          <xsl:if test="$draft">Draft: not yet final. </xsl:if>
          <xsl:if test="@c:generator">
            <xsl:text>Produced with </xsl:text>
            <xsl:value-of select="@c:generator"/>
            <xsl:text>.</xsl:text>
          </xsl:if>
        </p>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="s:agenda-heading">
    <tr class="agenda-heading">
      <th scope="rowgroup" colspan="4"><xsl:apply-templates/></th>
    </tr>
  </xsl:template>

  <xsl:template match="s:agenda-item">
    <tr>
      <td class="agenda-num"><xsl:value-of select="@c:number"/></td>
      <th scope="row" class="agenda-title">
        <xsl:apply-templates select="s:title/node()"/>
        <xsl:if test="s:point">
          <ul>
            <xsl:for-each select="s:point">
              <li><xsl:apply-templates/></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="@information = 'yes'">
          <span class="note"> (for information)</span>
        </xsl:if>
        <xsl:for-each select="s:next-meeting">
          <br/>
          <xsl:value-of select="@c:date-display"/>
          <xsl:if test="@c:time-display">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@c:time-display"/>
          </xsl:if>
          <xsl:if test="@venue">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="@venue"/>
          </xsl:if>
        </xsl:for-each>
      </th>
      <td class="agenda-presenter"><xsl:value-of select="@c:presenter-names"/></td>
      <td class="agenda-papers">
        <xsl:if test="s:paper[@c:html] or s:matters-arising[c:action]">
          <ul class="papers">
            <xsl:for-each select="s:paper[@c:html]">
              <li><a href="{$pages-dir}/{@c:html}"><xsl:value-of select="@c:title"/></a></li>
            </xsl:for-each>
            <xsl:for-each select="s:matters-arising[c:action]">
              <li><a href="#matters-arising">Actions from the minutes of <xsl:value-of select="@c:from"/></a></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <xsl:template match="s:matters-arising">
    <section aria-labelledby="matters-arising">
      <h2 id="matters-arising">
        <xsl:text>Item </xsl:text>
        <xsl:value-of select="../@c:number"/>
        <xsl:text>: </xsl:text>
        <xsl:apply-templates select="../s:title/node()"/>
      </h2>
      <xsl:variable name="cap-id" select="concat('cap-', generate-id())"/>
      <xsl:call-template name="table-region">
        <xsl:with-param name="label-id" select="$cap-id"/>
        <xsl:with-param name="content">
      <table class="data borders-rows matters-arising">
        <caption id="{$cap-id}">Actions from the minutes of <xsl:value-of select="@c:from"/></caption>
        <thead>
          <tr>
            <th scope="col">Minute</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="c:action">
            <xsl:variable name="u" select="../s:update[@action = current()/@minute]"/>
            <tr>
              <td class="nowrap"><xsl:value-of select="@minute"/></td>
              <td><xsl:apply-templates/></td>
              <td><xsl:value-of select="@owner"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@update = 'closed'">Closed</xsl:when>
                  <xsl:when test="@update = 'carried'">Carried forward</xsl:when>
                  <xsl:when test="@status = 'closed'">Closed</xsl:when>
                  <xsl:when test="@status = 'ongoing'">Ongoing</xsl:when>
                  <xsl:otherwise>Open: no update</xsl:otherwise>
                </xsl:choose>
                <xsl:if test="@due">
                  <xsl:text> (due </xsl:text>
                  <xsl:value-of select="@due"/>
                  <xsl:text>)</xsl:text>
                </xsl:if>
                <xsl:if test="$u/node()">
                  <br/>
                  <xsl:apply-templates select="$u/node()"/>
                </xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
        </xsl:with-param>
      </xsl:call-template>
    </section>
  </xsl:template>

</xsl:stylesheet>
